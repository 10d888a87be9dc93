@UAT-RET-002 @owner:order-to-cash @area:order-to-cash @channel:retail @severity:normal @requires:point_of_sale
Feature: Cash found short when the store closes

  One customer pays in cash, the next by card. At closing the cashier counts
  less cash in the drawer than the day's sales put in it: the register closes
  with the difference on record, for finance to follow up.

  Scenario: Two lamps paid in cash, four notebooks by card, 2.00 short at closing
    Given storable products with:
      | product   | on hand | price |
      | Desk lamp | 10      | 40.00 |
      | Notebook  | 20      | 5.00  |
    And a store "Harbour store" selling these products, with a cash drawer and a card terminal
    When the cashier opens the store with 100.00 in the cash drawer
    And the cashier sells to a walk-in customer, paid in cash:
      | product   | quantity |
      | Desk lamp | 2        |
    Then the sale is paid 0.00 by card and 92.00 in cash
    When the cashier sells to a walk-in customer, paid by card:
      | product  | quantity |
      | Notebook | 4        |
    Then the sale is paid 23.00 by card and 0.00 in cash for:
      | product  | quantity |
      | Notebook | 4        |
    And the store's stock is down by:
      | product  | quantity |
      | Notebook | 4        |
    When the cashier closes the store counting 190.00 in the cash drawer
    Then the store's session is closed with 192.00 expected in cash, 190.00 counted and a difference of -2.00

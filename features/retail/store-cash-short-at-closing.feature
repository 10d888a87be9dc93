@UAT-RET-002 @owner:order-to-cash @area:order-to-cash @channel:retail @severity:normal @requires:point_of_sale
Feature: Cash found short when the store closes

  The cashier counts less cash in the drawer than the day's sales put in it.
  The register closes with the difference on record, for finance to follow up.

  Scenario: Two lamps paid 20.00 by card and the rest in cash, 2.00 short at closing
    Given storable products with:
      | product   | on hand | price |
      | Desk lamp | 10      | 40.00 |
    And a store "Harbour store" selling these products, with a cash drawer and a card terminal
    When the cashier opens the store with 100.00 in the cash drawer
    And the cashier sells to a walk-in customer, paid 20.00 by card and the rest in cash:
      | product   | quantity |
      | Desk lamp | 2        |
    Then the sale is paid 20.00 by card and 72.00 in cash
    And the store's stock is down by:
      | product   | quantity |
      | Desk lamp | 2        |
    When the cashier closes the store counting 170.00 in the cash drawer
    Then the store's session is closed with 172.00 expected in cash, 170.00 counted and a difference of -2.00

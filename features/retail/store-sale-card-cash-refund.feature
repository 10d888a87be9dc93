@UAT-RET-001 @owner:order-to-cash @area:order-to-cash @channel:retail @severity:critical @requires:point_of_sale
Feature: Walk-in sale paid by card and cash in the store, refunded there the next day

  A walk-in customer buys at the store's till and pays part by card and the
  rest in cash. The cashier opens the register each morning with the cash in
  the drawer and closes it each evening with the cash counted. The next day
  the customer brings a lamp back: the refund is linked to the sale, the lamp
  goes back into the store's stock and its price goes back out of the drawer.

  Scenario: Two lamps and four notebooks paid by card and cash, one lamp refunded the next day
    Given storable products with:
      | product   | on hand | price |
      | Desk lamp | 10      | 40.00 |
      | Notebook  | 20      | 5.00  |
    And a store "Downtown store" selling these products, with a cash drawer and a card terminal
    When the cashier opens the store with 100.00 in the cash drawer
    Then the store's session is open with 100.00 in the cash drawer
    When the cashier sells to a walk-in customer, paid 50.00 by card and the rest in cash:
      | product   | quantity |
      | Desk lamp | 2        |
      | Notebook  | 4        |
    Then the sale is paid 50.00 by card and 65.00 in cash for:
      | product   | quantity |
      | Desk lamp | 2        |
      | Notebook  | 4        |
    And the store's stock is down by:
      | product   | quantity |
      | Desk lamp | 2        |
      | Notebook  | 4        |
    When the cashier closes the store counting 165.00 in the cash drawer
    Then the store's session is closed with 165.00 expected in cash, 165.00 counted and no difference
    When the cashier opens the store with 165.00 in the cash drawer
    And the cashier refunds from the sale in cash:
      | product   | quantity |
      | Desk lamp | 1        |
    Then the refund takes back from the sale, paid back 46.00 in cash:
      | product   | quantity |
      | Desk lamp | 1        |
    And the store's stock is back by:
      | product   | quantity |
      | Desk lamp | 1        |
    When the cashier closes the store counting 119.00 in the cash drawer
    Then the store's session is closed with 119.00 expected in cash, 119.00 counted and no difference

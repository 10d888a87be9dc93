@UAT-RET-003 @owner:order-to-cash @area:order-to-cash @channel:ecommerce @channel:retail @severity:critical @requires:website_sale @requires:payment_custom @requires:payment_demo @requires:point_of_sale @requires:pos_sale
Feature: Click and collect: ordered in the shop, paid and collected at the store, brought back there

  A shop customer orders online and chooses to pay at the store. The order
  waits as a quotation, nothing paid and nothing shipped, until the customer
  comes in: the cashier loads it into the till, takes the payment and hands
  the goods over from the store's stock. The shop order is then confirmed,
  delivered and invoiced through the till, and the warehouse has nothing left
  to ship. When the customer brings a lamp back, the store refunds it from
  that sale: the lamp goes back into the store's stock and its price back out
  of the drawer.

  Scenario: Two lamps and four notebooks ordered online, paid by card and cash at the store, one lamp brought back
    Given storable products with:
      | product   | on hand | price |
      | Desk lamp | 10      | 40.00 |
      | Notebook  | 20      | 5.00  |
    And a store "Collect store" selling these products, with a cash drawer and a card terminal
    And the shop sells these products, to be paid at the store
    When a shop customer orders to collect at the store and pay there:
      | product   | quantity |
      | Desk lamp | 2        |
      | Notebook  | 4        |
    Then the shop order waits for its payment at the store, nothing paid online
    When the click and collect cashier opens the store with 100.00 in the cash drawer
    And the click and collect cashier settles the shop order at the till, paid 50.00 by card and the rest in cash
    Then the sale is paid 50.00 by card and 65.00 in cash for:
      | product   | quantity |
      | Desk lamp | 2        |
      | Notebook  | 4        |
    And the shop order is confirmed, delivered and invoiced through the sale, with nothing left to ship from the warehouse:
      | product   | quantity |
      | Desk lamp | 2        |
      | Notebook  | 4        |
    And the store's stock is down by:
      | product   | quantity |
      | Desk lamp | 2        |
      | Notebook  | 4        |
    When the click and collect cashier refunds from the sale in cash:
      | product   | quantity |
      | Desk lamp | 1        |
    Then the refund takes back from the sale, paid back 46.00 in cash:
      | product   | quantity |
      | Desk lamp | 1        |
    And the store's stock is back by:
      | product   | quantity |
      | Desk lamp | 1        |
    When the click and collect cashier closes the store counting 119.00 in the cash drawer
    Then the store's session is closed with 119.00 expected in cash, 119.00 counted and no difference

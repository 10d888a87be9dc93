@owner:order-to-cash @area:order-to-cash @channel:field-sales @severity:normal @requires:sale_stock @requires:account
Feature: Field sales quotation taken on a tablet

  On a customer visit the field sales rep enters the quotation on a tablet,
  in the web client's touch layout: the customer and each product chosen
  from the search screens, the agreed prices typed in, and the order
  confirmed there with the customer. The order holds exactly what was
  agreed; the warehouse then ships what the order asks.

  @UAT-O2C-008
  Scenario: A three-product quotation at agreed prices, confirmed on a tablet
    Given storable products with:
      | product         | on hand | price |
      | Display cabinet | 10      | 640   |
      | Shelf bracket   | 200     | 12    |
      | Glass shelf     | 40      | 45    |
    And a customer "Fabrikam Stores"
    When the field sales rep enters a quotation for "Fabrikam Stores" on a tablet with:
      | product         | quantity | price |
      | Display cabinet | 3        | 600   |
      | Shelf bracket   | 24       |       |
      | Glass shelf     | 6        | 42.50 |
    And the field sales rep confirms the order on a tablet
    Then the order line "Display cabinet" is priced at 600 with a discount of 0%
    And the order line "Shelf bracket" is priced at 12 with a discount of 0%
    And the order line "Glass shelf" is priced at 42.50 with a discount of 0%
    And the order totals 2343.00 before tax
    And the order line "Display cabinet" shows 0 delivered and 3 still to deliver

  @UAT-O2C-009
  Scenario: A tablet order shipped in part, the rest kept as a backorder
    Given storable products with:
      | product       | on hand | price |
      | Counter stool | 30      | 95    |
      | Bar table     | 2       | 410   |
    And a customer "Wide World Cafes"
    When the field sales rep enters a quotation for "Wide World Cafes" on a tablet with:
      | product       | quantity | price |
      | Counter stool | 12       | 90    |
      | Bar table     | 3        |       |
    And the field sales rep confirms the order on a tablet
    And the warehouse ships and keeps the rest as a backorder:
      | product       | quantity |
      | Counter stool | 12       |
      | Bar table     | 2        |
    Then a backorder is waiting to be shipped with:
      | product   | quantity |
      | Bar table | 1        |
    And the order line "Counter stool" shows 12 delivered and 0 still to deliver
    And the order line "Bar table" shows 2 delivered and 1 still to deliver
    And the order totals 2310.00 before tax

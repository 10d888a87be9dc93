@UAT-O2C-003 @owner:order-to-cash @area:order-to-cash @channel:wholesale @severity:critical @requires:sale_stock @requires:account
Feature: Two-line wholesale order shipped in part per product, invoiced and paid

  A wholesale customer orders two products. The warehouse ships part of
  each, the rest follows as a backorder per product, finance invoices what
  left the warehouse, and the customer pays that invoice in full.

  Scenario: Ten shelves and four frames ordered, six and two shipped, invoiced and paid
    Given storable products with:
      | product     | on hand | price  |
      | Oak shelf   | 6       | 120.00 |
      | Steel frame | 10      | 45.50  |
    And a customer "Fourth Coffee Wholesale"
    And payments are booked through outstanding accounts
    When the account manager enters a quotation for "Fourth Coffee Wholesale" with:
      | product     | quantity |
      | Oak shelf   | 10       |
      | Steel frame | 4        |
    And the account manager confirms the order
    And the warehouse ships and keeps the rest as a backorder:
      | product     | quantity |
      | Oak shelf   | 6        |
      | Steel frame | 2        |
    Then a backorder is waiting to be shipped with:
      | product     | quantity |
      | Oak shelf   | 4        |
      | Steel frame | 2        |
    And the order line "Oak shelf" shows 6 delivered and 4 still to deliver
    And the order line "Steel frame" shows 2 delivered and 2 still to deliver
    When finance invoices the order
    Then the invoice is posted with:
      | product     | quantity |
      | Oak shelf   | 6        |
      | Steel frame | 2        |
    And the invoice is posted for 8 units
    When the customer pays the invoice in full
    Then the invoice is paid

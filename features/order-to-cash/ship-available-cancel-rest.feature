@owner:order-to-cash @area:order-to-cash @channel:wholesale @requires:sale_stock @requires:account
Feature: Ship what is available and cancel the rest

  When the customer will not wait for a backorder, the warehouse ships what
  it has and the rest is cancelled, either at once or later as a backorder.
  The customer is invoiced for what left the warehouse (1,325.00 plus 15%
  tax) and may pay in part.

  @UAT-O2C-004 @severity:critical
  Scenario: Two products, one short: ship what is reserved, cancel the rest, pay part of the invoice
    Given storable products with:
      | product       | on hand | price |
      | Walnut desk   | 3       | 400   |
      | Desk lamp     | 10      | 25    |
    And a customer "Litware Offices"
    And payments are booked through outstanding accounts
    When the account manager enters a quotation for "Litware Offices" with:
      | product     | quantity |
      | Walnut desk | 5        |
      | Desk lamp   | 5        |
    And the account manager confirms the order
    And the warehouse ships what is available and cancels the rest
    Then no backorder is left
    And the order has nothing left to ship
    And the order line "Walnut desk" shows 3 delivered and 2 still to deliver
    And the order line "Desk lamp" shows 5 delivered and 0 still to deliver
    When finance invoices the order
    Then the invoice is posted with:
      | product     | quantity |
      | Walnut desk | 3        |
      | Desk lamp   | 5        |
    When the customer pays 500 of the invoice
    Then the invoice is partly paid with 1023.75 still due

  @UAT-O2C-005 @severity:normal
  Scenario: A backorder the customer no longer wants is cancelled
    Given a storable product "Filing cabinet" with 6 units on hand
    And a customer "Proseware Legal"
    When the account manager enters a quotation for "Proseware Legal" of 10 "Filing cabinet"
    And the account manager confirms the order
    And the warehouse ships 6 units and keeps the rest as a backorder
    Then a backorder of 4 units is waiting to be shipped
    When the warehouse cancels the backorder
    Then the order has nothing left to ship
    And the order shows 6 delivered and 4 still to deliver

  @UAT-O2C-007 @severity:normal
  Scenario: Part of each product shipped, the rest cancelled
    Given storable products with:
      | product      | on hand |
      | Bar stool    | 10      |
      | Cafe table   | 10      |
    And a customer "Margie's Travel"
    When the account manager enters a quotation for "Margie's Travel" with:
      | product    | quantity |
      | Bar stool  | 8        |
      | Cafe table | 2        |
    And the account manager confirms the order
    And the warehouse ships and cancels the rest:
      | product    | quantity |
      | Bar stool  | 6        |
      | Cafe table | 2        |
    Then no backorder is left
    And the order has nothing left to ship
    And the order line "Bar stool" shows 6 delivered and 2 still to deliver
    And the order line "Cafe table" shows 2 delivered and 0 still to deliver

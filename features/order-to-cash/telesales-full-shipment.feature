@UAT-O2C-002 @owner:order-to-cash @area:order-to-cash @channel:telesales @severity:normal @requires:sale_stock @requires:account
Feature: Telesales order shipped and invoiced in full

  Written from the step catalogue alone, with no code change: a telesales
  agent takes an order over the phone, the warehouse ships all of it, and
  finance invoices it.

  Scenario: Four chairs ordered by phone, shipped and invoiced in full
    Given a storable product "Ergonomic office chair" with 20 units on hand
    And a customer "Contoso Offices"
    When the telesales agent enters a quotation for "Contoso Offices" with:
      | product                | quantity |
      | Ergonomic office chair | 4        |
    And the telesales agent confirms the order
    And the warehouse ships the delivery in full
    Then no backorder is left
    When finance invoices the order
    Then the invoice is posted for 4 units
    And the order shows 4 delivered and 0 still to deliver
    And the order is fully invoiced

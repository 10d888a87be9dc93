@UAT-O2C-001 @owner:order-to-cash @area:order-to-cash @channel:wholesale @severity:critical @requires:sale_stock @requires:account
Feature: Wholesale order with partial fulfilment

  A wholesale customer orders more than the warehouse has. The warehouse
  ships what it has, the rest follows as a backorder, and the customer is
  invoiced for what left the warehouse only.

  Scenario: Ten ordered, six on hand: ship six, backorder four, invoice six
    Given a storable product "Pallet racking kit" with 6 units on hand
    And a customer "Northwind Wholesale"
    When the account manager enters a quotation for "Northwind Wholesale" of 10 "Pallet racking kit"
    And the account manager confirms the order
    And the warehouse ships 6 units and keeps the rest as a backorder
    Then a backorder of 4 units is waiting to be shipped
    When finance invoices the order
    Then the invoice is posted for 6 units
    And the order shows 6 delivered and 4 still to deliver

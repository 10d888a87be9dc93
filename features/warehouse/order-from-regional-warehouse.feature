@UAT-WH-002 @owner:warehouse @area:warehouse-operations @channel:wholesale @severity:normal @requires:sale_stock
Feature: An order shipped from a named warehouse

  A customer near the regional warehouse is served from it: the order
  names the warehouse, and the delivery leaves from its stock.

  Scenario: Three units shipped from the regional warehouse
    Given a regional warehouse "UAT Regional" resupplied from the central warehouse
    And a storable product "Pallet jack" with 0 units on hand
    And "Pallet jack" has 5 units on hand in warehouse "UAT Regional"
    And a customer "Coho Distribution"
    When the account manager enters a quotation for "Coho Distribution" from warehouse "UAT Regional" with:
      | product     | quantity |
      | Pallet jack | 3        |
    And the account manager confirms the order
    Then the order ships from warehouse "UAT Regional"
    When the warehouse ships the delivery in full
    Then the order shows 3 delivered and 0 still to deliver

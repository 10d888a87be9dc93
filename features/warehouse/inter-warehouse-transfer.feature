@UAT-WH-001 @owner:warehouse @area:warehouse-operations @channel:internal @severity:critical @requires:stock
Feature: Inter-warehouse transfer

  A regional warehouse is resupplied from the central one. Goods travel
  through the inter-warehouse transit location; on-hand quantities in each
  warehouse change by exactly what moved.

  Scenario: Five units move from the central to the regional warehouse
    Given a regional warehouse "UAT Regional" resupplied from the central warehouse
    And a storable product "Forklift battery" with 20 units on hand
    When the regional warehouse asks the central warehouse for 5 units
    And the warehouse sends the goods out of the central warehouse
    And the warehouse receives the goods into the regional warehouse
    Then the central warehouse has 5 units fewer and the regional warehouse 5 more

@UAT-WH-003 @owner:warehouse @area:warehouse-operations @channel:internal @severity:normal @requires:stock
Feature: Inter-warehouse transfer of one named product

  With several products in stock, the regional warehouse asks for one of
  them by name; only that product moves.

  Scenario: Four units of one of two products move to the regional warehouse
    Given a regional warehouse "UAT Regional" resupplied from the central warehouse
    And storable products with:
      | product        | on hand |
      | Hand truck     | 12      |
      | Safety harness | 12      |
    When the regional warehouse asks the central warehouse for 4 "Hand truck"
    And the warehouse sends the goods out of the central warehouse
    And the warehouse receives the goods into the regional warehouse
    Then the central warehouse has 4 units fewer and the regional warehouse 4 more

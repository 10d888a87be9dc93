@owner:finance @area:finance @channel:telesales @severity:normal @requires:sale @requires:account
Feature: An order within the customer's credit limit is not held

  Credit limits stop only the orders that go over them: an order that keeps
  the customer within its limit is taken and confirmed without a hold.

  @UAT-FIN-002
  Scenario: An order of 300 with a limit of 1,000 and 200 unpaid is not held
    Given credit limits are enabled
    And a storable product "Label printer" priced at 300 with 10 units on hand
    And a customer "Wingtip Stores"
    And "Wingtip Stores" has a credit limit of 1000 and 200 of unpaid posted invoices
    When the telesales agent enters a quotation for "Wingtip Stores" of 1 "Label printer"
    Then the order is not on credit hold
    When the telesales agent confirms the order
    Then the order shows 0 delivered and 1 still to deliver

  @UAT-FIN-003
  Scenario: A customer with no open balance orders within its limit; part is shipped, the rest cancelled
    Given credit limits are enabled
    And a storable product "Barcode scanner" priced at 400 with 2 units on hand
    And a customer "Adatum Retail"
    And "Adatum Retail" has a credit limit of 2000
    When the telesales agent enters a quotation for "Adatum Retail" of 3 "Barcode scanner"
    Then the order is not on credit hold
    When the telesales agent confirms the order
    And the warehouse ships 2 units and cancels the rest
    Then the order has nothing left to ship
    And the order shows 2 delivered and 1 still to deliver

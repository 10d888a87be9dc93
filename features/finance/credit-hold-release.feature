@UAT-FIN-001 @owner:finance @area:finance @channel:telesales @severity:critical @requires:sale @requires:account
Feature: Customer credit hold and its release

  A telesales order that takes a customer over its credit limit is held
  until the credit controller releases it; the release is in the evidence:
  who released it, when, and how.

  Scenario: An order of 500 over a limit of 1,000 with 900 unpaid is held, then released and confirmed
    Given credit limits are enabled
    And a storable product "Wireless headset" priced at 500 with 10 units on hand
    And a customer "Fabrikam Retail"
    And "Fabrikam Retail" has a credit limit of 1000 and 900 of unpaid posted invoices
    When the telesales agent enters a quotation for "Fabrikam Retail" of 1 "Wireless headset"
    Then the order is on credit hold
    When the credit controller releases the credit hold
    Then the order is no longer on credit hold
    When the telesales agent confirms the order
    Then the order shows 0 delivered and 1 still to deliver

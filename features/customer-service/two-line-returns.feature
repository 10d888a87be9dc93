@owner:customer-service @area:customer-service @channel:wholesale @requires:sale_stock @requires:account
Feature: Returns of a two-line order, in full and in part

  A customer who has paid for an order of two products sends goods back.
  The warehouse receives them into stock, finance credits what came back
  and pays the money back.

  Background:
    Given storable products with:
      | product      | on hand | price |
      | Standing mat | 20      | 60    |
      | Monitor arm  | 20      | 110   |
    And a customer "Northwind Traders"
    And payments are booked through outstanding accounts
    And "Northwind Traders" has received an order of:
      | product      | quantity |
      | Standing mat | 4        |
      | Monitor arm  | 2        |
    And finance invoices the order
    And the customer pays the invoice in full

  @UAT-CS-003 @severity:critical
  Scenario: The whole order comes back and is refunded
    When the warehouse takes back everything delivered
    Then the stock is back by:
      | product      | quantity |
      | Standing mat | 4        |
      | Monitor arm  | 2        |
    When finance issues a credit note for the whole invoice
    And finance pays the refund
    Then the credit note for the whole invoice is posted and paid back

  @UAT-CS-004 @severity:normal
  Scenario: Part of each product comes back and is refunded
    When the warehouse takes back:
      | product      | quantity |
      | Standing mat | 1        |
      | Monitor arm  | 2        |
    Then the stock is back by:
      | product      | quantity |
      | Standing mat | 1        |
      | Monitor arm  | 2        |
    When finance issues a credit note for:
      | product      | quantity |
      | Standing mat | 1        |
      | Monitor arm  | 2        |
    And finance pays the refund
    Then the credit note is posted and paid back for:
      | product      | quantity |
      | Standing mat | 1        |
      | Monitor arm  | 2        |

@owner:order-to-cash @area:order-to-cash @channel:partner @requires:portal @requires:sale_management @requires:sale_stock @requires:payment_demo @requires:account
Feature: B2B quotation signed and paid in the customer portal

  A business customer's buyer reviews the quotation the salesperson sent,
  signs and accepts it in the customer portal and pays it online. The order
  confirms, the warehouse ships it, finance invoices it (the online payment
  settles the invoice), and the buyer follows the delivery and the invoice in
  the portal. The buyer sees the documents of its own company only.

  Background:
    Given payments are booked through outstanding accounts
    And a storable product "Oak standing desk" priced at 320 with 10 units on hand
    And a storable product "Desk cable tray" priced at 25 with 30 units on hand
    And a business customer "Northwind Traders" whose buyer "Dana Whitfield" uses the customer portal
    And another customer "Fabrikam Retail" with a confirmed order of 1 "Desk cable tray"

  @UAT-PTL-001 @severity:critical
  Scenario: Two products quoted, signed and paid online, shipped and invoiced
    When the salesperson enters a quotation for "Northwind Traders" with:
      | product           | quantity |
      | Oak standing desk | 2        |
      | Desk cable tray   | 4        |
    And the salesperson sends the quotation for online signature and payment
    And the customer's buyer opens the quotation in the portal
    And the customer's buyer signs and accepts the quotation as "Dana Whitfield"
    And the customer's buyer pays the order online with the demo payment provider
    Then the order is confirmed and signed by "Dana Whitfield"
    And the order is paid online in full by the customer's buyer
    When the warehouse ships the delivery in full
    And finance invoices the order
    Then the invoice is paid
    And the customer's buyer sees the order in the portal with:
      | document     | status  |
      | the delivery | Shipped |
      | the invoice  | Paid    |
    And the customer's buyer cannot open the order of "Fabrikam Retail" in the portal

  @UAT-PTL-002 @severity:normal
  Scenario: Signed without online payment, shipped in part, invoiced and waiting for payment
    When the salesperson enters a quotation for "Northwind Traders" with:
      | product           | quantity |
      | Oak standing desk | 3        |
    And the salesperson sends the quotation for online signature
    And the customer's buyer opens the quotation in the portal
    And the customer's buyer signs and accepts the quotation as "Dana Whitfield"
    Then the order is confirmed and signed by "Dana Whitfield"
    When the warehouse ships 2 units and keeps the rest as a backorder
    And finance invoices the order
    Then the invoice is posted for 2 units
    And the customer's buyer sees the order in the portal with:
      | document      | status          |
      | the delivery  | Shipped         |
      | the backorder | Preparation     |
      | the invoice   | Waiting Payment |
    And the customer's buyer cannot open the order of "Fabrikam Retail" in the portal

@UAT-CS-001 @owner:customer-service @area:customer-service @channel:ecommerce @severity:critical @requires:website_sale @requires:payment_demo @requires:sale_stock
Feature: eCommerce return with refund

  A shop customer pays online, receives the goods, and sends one back.
  The warehouse receives it, finance credits and refunds that unit, and the
  stock is back.

  Scenario: Two bought in the shop, one returned and refunded
    Given a product "Smart desk lamp" sold in the shop at 50 with 10 units on hand
    When a shop customer buys 2 "Smart desk lamp" and pays with the demo payment provider
    Then the shop order is confirmed and paid online
    When the warehouse ships the delivery in full
    And finance invoices the order
    Then the invoice is posted for 2 units
    When the warehouse takes back 1 unit
    Then the stock is back by 1 unit
    When finance issues a credit note for 1 unit
    And finance pays the refund
    Then the credit note for 1 unit is posted and paid back

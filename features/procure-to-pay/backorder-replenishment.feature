@UAT-P2P-001 @owner:procure-to-pay @area:procure-to-pay @channel:wholesale @severity:critical @requires:sale_stock @requires:purchase_stock
Feature: Backorder replenishment from Purchase

  A customer order exceeds the stock of a product bought from a vendor.
  Replenishment buys the shortfall; once the vendor's goods are received,
  the backorder ships and the customer has every unit.

  Scenario: Ten ordered, four on hand: buy six, receive them, ship the backorder
    Given a storable product "Industrial shelving unit" with 4 units on hand
    And "Industrial shelving unit" is bought from vendor "Steelworks Supply" at 120 and replenished by a reordering rule
    And a customer "Adventure Works Warehousing"
    When the account manager enters a quotation for "Adventure Works Warehousing" of 10 "Industrial shelving unit"
    And the account manager confirms the order
    And the warehouse ships 4 units and keeps the rest as a backorder
    Then a backorder of 6 units is waiting to be shipped
    When replenishment runs
    Then a purchase order for 6 units is waiting for the vendor
    When the buyer confirms the purchase order
    And the warehouse receives the purchase order in full
    Then the backorder is ready to ship
    When the warehouse ships the delivery in full
    Then the order shows 10 delivered and 0 still to deliver

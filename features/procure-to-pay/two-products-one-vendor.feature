@UAT-P2P-004 @owner:procure-to-pay @area:procure-to-pay @channel:wholesale @severity:normal @requires:purchase_stock
Feature: Two products from one vendor replenished together

  Each product has its own reordering rule; one run of replenishment buys
  both up to their maximum on one purchase order, and the vendor delivers
  part of it.

  Scenario: Both below their minimum, bought up to maximum, received in part
    Given storable products with:
      | product      | on hand |
      | Bubble wrap  | 1       |
      | Parcel tape  | 3       |
    And "Bubble wrap" is bought from vendor "Pack Co" at 2.50 with a reordering rule of minimum 5 and maximum 10
    And "Parcel tape" is bought from vendor "Pack Co" at 1.20 with a reordering rule of minimum 4 and maximum 8
    When replenishment runs
    Then a purchase order is waiting for the vendor with:
      | product     | quantity |
      | Bubble wrap | 9        |
      | Parcel tape | 5        |
    And a purchase order for 14 units is waiting for the vendor
    When the buyer confirms the purchase order
    And the warehouse receives and keeps the rest as a backorder:
      | product     | quantity |
      | Bubble wrap | 6        |
      | Parcel tape | 5        |
    Then a backorder of 3 units is waiting to be received
    And the purchase order shows 11 received and 3 still to receive

@owner:order-to-cash @area:order-to-cash @channel:wholesale
Feature: Recorded order-to-cash evidence

  @UAT-REC-001 @severity:critical @REQ-101
  Scenario: The company record is evidenced with a deep link
    When the recorder snapshots the company
    Then the company's currency is "USD"

  @UAT-REC-002 @severity:critical
  Scenario: A check that fails leaves its evidence
    When the recorder snapshots the company
    Then the company's currency is "XYZ"

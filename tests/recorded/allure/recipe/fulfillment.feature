@owner:fulfillment @area:fulfillment @channel:retail
Feature: Recorded fulfillment evidence

  @UAT-REC-003 @severity:normal @requires:quality_control
  Scenario: A scenario whose module is missing is skipped
    Given the module "quality_control" is installed
    When the recorder snapshots the company

  @UAT-REC-004 @severity:minor
  Scenario: A record holding a secret is redacted
    When the recorder snapshots the administrator with a note holding the password
    Then the login page is evidenced with a screenshot

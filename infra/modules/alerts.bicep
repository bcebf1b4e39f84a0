// Alerts to the people who run the service: failed outbox rows, a reminder sweep that stopped
// running, and a failing health check. One action group with an e-mail receiver.

param location string
param namePrefix string

@description('Application Insights component the log alerts query.')
param appInsightsId string

@description('Web app whose HealthCheckStatus metric is watched.')
param siteId string

@description('E-mail address that receives the alerts.')
param alertEmail string

param tags object = {}

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${namePrefix}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: take(replace('gn${namePrefix}', '-', ''), 12)
    enabled: true
    emailReceivers: [
      {
        name: 'operations'
        emailAddress: alertEmail
        useCommonAlertSchema: true
      }
    ]
  }
}

// An outbox row the sender gave up on (logged as "Outbox message failed"): a letter or notice that
// did not go out, which someone must follow up by hand.
resource outboxFailed 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${namePrefix}-outbox-failed'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'GemensamNamnd: outbox message failed'
    description: 'At least one outbox message failed to send in the last 15 minutes.'
    severity: 2
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: '''
union isfuzzy=true
    (traces | where message contains "Outbox message failed"),
    (customEvents | where name contains "Outbox message failed")
'''
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// The recurring reminder sweep logs "Reminder sweep completed" every run; none for 45 minutes
// means deadline reminders are not being derived (Hangfire down, or every instance failing).
resource sweepOverdue 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: 'alert-${namePrefix}-sweep-overdue'
  location: location
  tags: tags
  kind: 'LogAlert'
  properties: {
    displayName: 'GemensamNamnd: reminder sweep overdue'
    description: 'No "Reminder sweep completed" log within the last 45 minutes.'
    severity: 1
    enabled: true
    scopes: [
      appInsightsId
    ]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT45M'
    criteria: {
      allOf: [
        {
          query: '''
union isfuzzy=true
    (traces | where message contains "Reminder sweep completed"),
    (customEvents | where name contains "Reminder sweep completed")
'''
          timeAggregation: 'Count'
          operator: 'LessThan'
          threshold: 1
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    autoMitigate: true
    actions: {
      actionGroups: [
        actionGroup.id
      ]
    }
  }
}

// App Service pings healthCheckPath (/health/ready) on every instance; below 100 % means at least
// one instance is unhealthy (and is being taken out of rotation).
resource healthCheck 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: 'alert-${namePrefix}-health'
  location: 'global'
  tags: tags
  properties: {
    description: 'Health check status of the web app is below 100 %.'
    severity: 1
    enabled: true
    scopes: [
      siteId
    ]
    evaluationFrequency: 'PT1M'
    windowSize: 'PT5M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          criterionType: 'StaticThresholdCriterion'
          name: 'HealthCheckStatus'
          metricNamespace: 'Microsoft.Web/sites'
          metricName: 'HealthCheckStatus'
          operator: 'LessThan'
          threshold: 100
          timeAggregation: 'Average'
        }
      ]
    }
    autoMitigate: true
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}

output actionGroupId string = actionGroup.id

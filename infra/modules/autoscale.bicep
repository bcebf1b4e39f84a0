// CPU-based autoscale of the App Service plan. Every instance runs a Hangfire server against the
// one PostgreSQL job storage (Hangfire coordinates through distributed locks there), so scaling out
// adds workers as well as web capacity; the reminder sweep is idempotent either way.

param location string
param planId string
param planName string

@minValue(1)
param minInstances int

@minValue(1)
param maxInstances int

@description('Average CPU % above which one instance is added.')
param scaleOutCpuPercent int = 70

@description('Average CPU % below which one instance is removed.')
param scaleInCpuPercent int = 30

param tags object = {}

resource autoscale 'Microsoft.Insights/autoscalesettings@2022-10-01' = {
  name: 'autoscale-${planName}'
  location: location
  tags: tags
  properties: {
    enabled: true
    targetResourceUri: planId
    profiles: [
      {
        name: 'cpu'
        capacity: {
          minimum: string(minInstances)
          maximum: string(maxInstances)
          default: string(minInstances)
        }
        rules: [
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricNamespace: 'microsoft.web/serverfarms'
              metricResourceUri: planId
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT10M'
              timeAggregation: 'Average'
              operator: 'GreaterThan'
              threshold: scaleOutCpuPercent
            }
            scaleAction: {
              direction: 'Increase'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT10M'
            }
          }
          {
            metricTrigger: {
              metricName: 'CpuPercentage'
              metricNamespace: 'microsoft.web/serverfarms'
              metricResourceUri: planId
              timeGrain: 'PT1M'
              statistic: 'Average'
              timeWindow: 'PT20M'
              timeAggregation: 'Average'
              operator: 'LessThan'
              threshold: scaleInCpuPercent
            }
            scaleAction: {
              direction: 'Decrease'
              type: 'ChangeCount'
              value: '1'
              cooldown: 'PT20M'
            }
          }
        ]
      }
    ]
  }
}

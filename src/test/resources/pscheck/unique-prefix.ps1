# -IncludeManagement is a unique prefix of -IncludeManagementTools
Install-WindowsFeature -Name 'Failover-Clustering' -IncludeManagement

# -NodeMajority is a documented alias of -NoWitness
Set-ClusterQuorum -NodeMajority

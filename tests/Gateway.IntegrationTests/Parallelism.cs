// Fixtures run two at a time; the tests of one fixture run one after another. Each fixture has its own database on
// the run's one PostgreSQL cluster. A fixture marked [NonParallelizable] runs alone: what it asserts depends on
// transaction ids or locks, which the cluster shares across its databases.
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]

import MemcastNumerics

/// Namespace of the statistics layer (regression, inference, distributions, formulas).
public enum MemcastStatisticsModule {}

import MemcastStatistics

/// Namespace of the data layer (CSV, schemas, periods, datasets, vintages).
public enum MemcastDataModule {}

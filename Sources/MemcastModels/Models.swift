import MemcastData

/// Namespace of the models layer (supply, prices, BOM, ASP, shipments, vendors, Monte Carlo).
public enum MemcastModelsModule {}

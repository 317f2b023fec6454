import MemcastModels

/// Namespace of the output layer (tables, JSON/CSV/Markdown, SVG/HTML).
public enum MemcastOutputModule {}

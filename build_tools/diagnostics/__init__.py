"""Problems as data and the catalogue that explains each problem code to editors."""

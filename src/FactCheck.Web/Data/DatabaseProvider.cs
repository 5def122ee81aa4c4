namespace FactCheck;

public enum DatabaseProvider { Sqlite, Postgres }

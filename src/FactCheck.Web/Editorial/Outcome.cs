namespace FactCheck;

public enum Outcome { Done, NotFound, NotAllowed, Conflict, Invalid }

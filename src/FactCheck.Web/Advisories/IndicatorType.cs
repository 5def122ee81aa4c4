namespace FactCheck;

public enum IndicatorType { Phone, Url, Domain, Email, Handle, Wallet }

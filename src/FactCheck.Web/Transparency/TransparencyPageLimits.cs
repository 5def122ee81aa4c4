namespace FactCheck;

public static class TransparencyPageLimits
{
    public const int BodyLength = 20_000;
}

namespace FactCheck;

/// <summary>The "Ocr" settings: Debian's tesseract-ocr with its Arabic, Ukrainian and English models.</summary>
public sealed class OcrOptions
{
    public string Command { get; set; } = "tesseract";
    /// <summary>
    /// Tesseract model order matters: the first is tried first on each line. Ukrainian and English first read
    /// Latin digits, handles and links best; Arabic last still reads the Arabic lines.
    /// </summary>
    public string Languages { get; set; } = "ukr+eng+ara";
    public int TimeoutSeconds { get; set; } = 60;
    /// <summary>OCR runs at once (each uses one core): a burst of uploads queues instead of starving the site.</summary>
    public int Concurrency { get; set; } = 1;
}

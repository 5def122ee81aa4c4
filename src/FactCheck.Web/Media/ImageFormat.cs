namespace FactCheck;

public enum ImageFormat { Png, Jpeg, WebP, Gif, Heic }

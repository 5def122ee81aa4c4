namespace FactCheck;

public enum DeliveryChannel { Email, Webhook }

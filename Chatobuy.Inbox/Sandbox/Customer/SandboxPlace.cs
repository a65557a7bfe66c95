namespace Chatobuy.Inbox.Sandbox.Customer;

/// <summary>A place the customer shares: coordinates, and an optional name and address.</summary>
public sealed record SandboxPlace(double Latitude, double Longitude, string? Name, string? Address);

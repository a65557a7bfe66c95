namespace Chatobuy.Inbox.Features.Profile;

/// <summary>The channel a profile belongs to, as the editor shows it.</summary>
public sealed record ProfileChannel(string Id, string Title, string DisplayPhoneNumber, string VerifiedName);

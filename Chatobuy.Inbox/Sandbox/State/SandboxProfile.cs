namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>A phone number's WhatsApp Business profile as the emulated Meta holds it (reference §6).</summary>
public sealed record SandboxProfile(
    string About,
    string Address,
    string Description,
    string Email,
    IReadOnlyList<string> Websites,
    string Vertical,
    string? PictureFile);

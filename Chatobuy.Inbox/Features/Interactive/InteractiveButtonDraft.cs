using System.Security.Cryptography;

namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>A reply button being written: its label and the callback ID WhatsApp sends back when it is tapped.</summary>
public sealed class InteractiveButtonDraft
{
    public string Title { get; set; } = "";

    /// <summary>Pre-filled with a random string; the admin may change it.</summary>
    public string Id { get; set; } = NewId("btn");

    /// <summary>A random id such as <c>btn_5f0c2a9e71d4</c>: short, unique in practice, no spaces.</summary>
    public static string NewId(string prefix) => $"{prefix}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";
}

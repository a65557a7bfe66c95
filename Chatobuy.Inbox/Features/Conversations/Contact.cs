namespace Chatobuy.Inbox.Features.Conversations;

/// <summary>A WhatsApp user the business talks to.</summary>
public sealed class Contact
{
    public long Id { get; set; }

    /// <summary>The WhatsApp id (phone digits); for users known only by a business-scoped user id, that id.</summary>
    public string WaId { get; set; } = "";

    /// <summary>Business-scoped user id (BSUID) when Meta sends one.</summary>
    public string? UserId { get; set; }

    /// <summary>The name WhatsApp gives (the customer's own profile name); kept up to date by their messages.</summary>
    public string? ProfileName { get; set; }

    /// <summary>The name an agent gave the contact (contact panel); shown instead of the profile name when set.</summary>
    public string? Name { get; set; }

    public string? Email { get; set; }

    /// <summary>What agents note about the contact (contact panel).</summary>
    public string? Notes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>What a message says of its sender: the profile name kept up to date, the business-scoped id once known.</summary>
    public void Saw(string? profileName, string? userId, DateTimeOffset now)
    {
        if (profileName is not null && ProfileName != profileName)
        {
            ProfileName = profileName;
            UpdatedAt = now;
        }

        UserId ??= userId;
    }
}

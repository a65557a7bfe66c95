namespace Chatobuy.Inbox.Sandbox.State;

/// <summary>What linking a catalog to an account (commerce reference §1.2) came to.</summary>
public enum SandboxLinkOutcome
{
    /// <summary>Linked (or it was already this one).</summary>
    Linked,

    /// <summary>No catalog has this id.</summary>
    UnknownCatalog,

    /// <summary>The catalog belongs to another business: the system user has no task on it (code 200).</summary>
    ForeignCatalog,

    /// <summary>The account already has another catalog (at most one; subcode 2388027).</summary>
    AlreadyLinked,

    /// <summary>Unlinking a catalog that is not the one linked.</summary>
    NotLinked,
}

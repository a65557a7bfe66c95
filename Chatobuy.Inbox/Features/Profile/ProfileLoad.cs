using Chatobuy.Inbox.CloudApi;

namespace Chatobuy.Inbox.Features.Profile;

/// <summary>
/// A profile read from Meta: the channel, the profile (or Meta's error), and the fields that changed outside the inbox
/// since the last save from here (empty when none, or when it was never saved from here).
/// </summary>
public sealed record ProfileLoad(ProfileChannel? Channel, BusinessProfile? Profile, GraphError? Error, IReadOnlyList<string> ChangedOutside);

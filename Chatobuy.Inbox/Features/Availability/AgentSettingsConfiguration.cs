using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Chatobuy.Inbox.Features.Availability;

public sealed class AgentSettingsConfiguration : IEntityTypeConfiguration<AgentSettings>
{
    public void Configure(EntityTypeBuilder<AgentSettings> builder)
    {
        builder.HasKey(s => s.UserId);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Chosen).HasConversion<string>().HasMaxLength(16);
    }
}

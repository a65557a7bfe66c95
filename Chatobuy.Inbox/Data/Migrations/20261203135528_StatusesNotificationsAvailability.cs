using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatobuy.Inbox.Data.Migrations
{
    /// <inheritdoc />
    public partial class StatusesNotificationsAvailability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Conversations_ChannelId_ContactId",
                table: "Conversations");

            migrationBuilder.AddColumn<long>(
                name: "SnoozedUntil",
                table: "Conversations",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PendingAfterReply",
                table: "Channels",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AgentSettings",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Chosen = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    LastActiveAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SignedOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NotificationSound = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgentSettings", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ChannelId_ContactId",
                table: "Conversations",
                columns: new[] { "ChannelId", "ContactId" },
                unique: true,
                filter: "\"Status\" <> 'Resolved'");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_SnoozedUntil",
                table: "Conversations",
                column: "SnoozedUntil");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_CreatedAt",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadAt",
                table: "Notifications",
                columns: new[] { "UserId", "ReadAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgentSettings");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_ChannelId_ContactId",
                table: "Conversations");

            migrationBuilder.DropIndex(
                name: "IX_Conversations_SnoozedUntil",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "SnoozedUntil",
                table: "Conversations");

            migrationBuilder.DropColumn(
                name: "PendingAfterReply",
                table: "Channels");

            migrationBuilder.CreateIndex(
                name: "IX_Conversations_ChannelId_ContactId",
                table: "Conversations",
                columns: new[] { "ChannelId", "ContactId" },
                unique: true,
                filter: "\"Status\" = 'Open'");
        }
    }
}

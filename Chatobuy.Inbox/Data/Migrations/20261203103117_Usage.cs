using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatobuy.Inbox.Data.Migrations
{
    /// <inheritdoc />
    public partial class Usage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelUsageMonths",
                columns: table => new
                {
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    ConversationsOpened = table.Column<int>(type: "INTEGER", nullable: false),
                    MessagesReceived = table.Column<int>(type: "INTEGER", nullable: false),
                    MessagesSent = table.Column<int>(type: "INTEGER", nullable: false),
                    BillableMarketing = table.Column<int>(type: "INTEGER", nullable: false),
                    BillableUtility = table.Column<int>(type: "INTEGER", nullable: false),
                    BillableAuthentication = table.Column<int>(type: "INTEGER", nullable: false),
                    BillableService = table.Column<int>(type: "INTEGER", nullable: false),
                    BillableOther = table.Column<int>(type: "INTEGER", nullable: false),
                    AllowanceWarningSentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AllowanceReachedSentAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelUsageMonths", x => new { x.ChannelId, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "UsageTallyStates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    LastConversationId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastMessageId = table.Column<long>(type: "INTEGER", nullable: false),
                    LastStatusUpdateId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageTallyStates", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelUsageMonths_Month",
                table: "ChannelUsageMonths",
                column: "Month");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelUsageMonths");

            migrationBuilder.DropTable(
                name: "UsageTallyStates");
        }
    }
}

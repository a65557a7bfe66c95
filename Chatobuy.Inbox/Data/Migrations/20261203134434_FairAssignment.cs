using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatobuy.Inbox.Data.Migrations
{
    /// <inheritdoc />
    public partial class FairAssignment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AssignmentLimit",
                table: "Channels",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssignmentMode",
                table: "Channels",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            migrationBuilder.CreateTable(
                name: "AssignmentCursors",
                columns: table => new
                {
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LastUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Turns = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentCursors", x => x.ChannelId);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssignmentCursors");

            migrationBuilder.DropColumn(
                name: "AssignmentLimit",
                table: "Channels");

            migrationBuilder.DropColumn(
                name: "AssignmentMode",
                table: "Channels");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Chatobuy.Inbox.Data.Migrations
{
    /// <inheritdoc />
    public partial class StoreCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CatalogProducts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CatalogId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MetaProductId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RetailerId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: true),
                    Price = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Availability = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ImageUrl = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    SyncedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CatalogProducts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ChannelStores",
                columns: table => new
                {
                    ChannelId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CatalogId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CatalogName = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    LastSyncedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ProductCount = table.Column<int>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelStores", x => x.ChannelId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CatalogProducts_ChannelId_CatalogId_RetailerId",
                table: "CatalogProducts",
                columns: new[] { "ChannelId", "CatalogId", "RetailerId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CatalogProducts");

            migrationBuilder.DropTable(
                name: "ChannelStores");
        }
    }
}

using System.Text.Json.Serialization;
using Dapper;
using FluentValidation;
using MediatR;
using Raumnetz.Application.Common;
using Raumnetz.Domain.Common;
using Raumnetz.Domain.Identity;

namespace Raumnetz.Application.Users;

/// <summary>Creates a local account (admins only). The password follows <see cref="PasswordRules"/> (at least 12 characters).</summary>
public sealed record CreateUserCommand(string Email, string DisplayName, Role Role, string Password) : ICommand<UserDto>
{
    /// <summary>The first administrator from configuration (<see cref="EnsureAdministratorCommand"/>): no rules but the length.</summary>
    [JsonIgnore] public bool FromConfiguration { get; init; }
}

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(Limits.Email).EmailAddress();
        RuleFor(x => x.DisplayName).RequiredText(Limits.Name);
        RuleFor(x => x.Role).DefinedEnum();
        RuleFor(x => x.Password).NotEmpty().MinimumLength(Limits.MinPassword).MaximumLength(Limits.Password);
    }
}

public sealed class CreateUserHandler(IUnitOfWork unitOfWork, IPasswordHashing hashing, TimeProvider clock)
    : IRequestHandler<CreateUserCommand, UserDto>
{
    public async Task<UserDto> Handle(CreateUserCommand request, CancellationToken cancellationToken)
    {
        if (!request.FromConfiguration) PasswordRules.Check(request.Password, request.Email, "password");
        var id = Guid.CreateVersion7();
        var now = clock.GetUtcNow();
        var (connection, tx) = await unitOfWork.OpenAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync("""
                INSERT INTO users (id, email, email_key, display_name, role, password_hash, is_active, version, created_at, updated_at)
                VALUES (@id, @email, @key, @DisplayName, @role, @hash, @active, 1, @now, @now)
                """, new { id, email = request.Email.Trim(), key = request.Email.Trim().ToLowerInvariant(),
                    DisplayName = request.DisplayName.Trim(),
                    role = request.Role.ToString(), hash = hashing.Hash(request.Password), active = true, now }, tx);
        }
        catch (Exception e) when (unitOfWork.Dialect.IsUniqueViolation(e))
        {
            throw new ConflictException(Text.Format(Messages.Conflict_UserEmail, request.Email), "email");
        }
        return new UserDto { Id = id, Email = request.Email.Trim(), DisplayName = request.DisplayName.Trim(), Role = request.Role,
            IsActive = true, Version = 1, CreatedAt = now, UpdatedAt = now };
    }
}

import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inklusi.core.scoping import ScopedQuerySet, ScopePaths, optional_library, optional_region
from inklusi.regions.models import Level


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **fields):
        fields.setdefault("is_superuser", True)
        return self.create_user(email, password, **fields)

    def get_by_natural_key(self, email):
        return self.get(email__iexact=email)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who logs in with their e-mail address. What they may do comes from `roles`."""

    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    phone = models.CharField(_("WhatsApp number"), max_length=20, blank=True)
    language = models.CharField(
        _("interface language"), max_length=5, choices=settings.LANGUAGES, default="id"
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_national_admin(self):
        """From the roles the request's Scope read already (no query of its own: the menu
        asks on every page)."""
        from .scope import Scope  # scope.py builds on this module

        return Scope.of(self).is_national

    @property
    def is_staff(self):
        """Django admin is for national admins only."""
        return self.is_active and self.is_national_admin

    def has_perm(self, perm, obj=None):
        return (self.is_active and self.is_national_admin) or super().has_perm(perm, obj)

    def has_module_perms(self, app_label):
        return (self.is_active and self.is_national_admin) or super().has_module_perms(app_label)


class Role(models.TextChoices):
    NATIONAL_ADMIN = "national_admin", _("National admin")
    PROVINCE_COORDINATOR = "province_coordinator", _("Province coordinator")
    REGENCY_COORDINATOR = "regency_coordinator", _("Regency/city coordinator")
    FACILITATOR = "facilitator", _("Facilitator")
    LIBRARY_MANAGER = "library_manager", _("Library manager")
    VIEWER = "viewer", _("Read-only viewer")


# Which region levels a role may be scoped to; None means the role holds a library instead.
ROLE_REGION_LEVELS = {
    Role.NATIONAL_ADMIN: (),
    Role.PROVINCE_COORDINATOR: (Level.PROVINCE,),
    Role.REGENCY_COORDINATOR: (Level.REGENCY,),
    Role.FACILITATOR: (Level.REGENCY, Level.DISTRICT),
    Role.LIBRARY_MANAGER: None,
    Role.VIEWER: (Level.PROVINCE, Level.REGENCY, Level.DISTRICT, Level.VILLAGE),
}
EDITING_ROLES = {
    Role.NATIONAL_ADMIN,
    Role.PROVINCE_COORDINATOR,
    Role.REGENCY_COORDINATOR,
    Role.FACILITATOR,
    Role.LIBRARY_MANAGER,
}
INVITING_ROLES = {Role.NATIONAL_ADMIN, Role.PROVINCE_COORDINATOR, Role.REGENCY_COORDINATOR}


class ScopedRole(models.Model):
    """A role held over a region or one library; shared by assignments and invitations."""

    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    region = optional_region()
    library = optional_library()

    scope_paths = ScopePaths(regions=("region", "library__region"), library="library")
    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True

    def clean(self):
        """Each role is held over the right kind of scope; messages go to the field to fix."""
        super().clean()
        if self.role not in ROLE_REGION_LEVELS:
            return  # no role chosen yet: the role field itself says so
        levels = ROLE_REGION_LEVELS[self.role]
        if self.role == Role.NATIONAL_ADMIN:
            if self.region_id or self.library_id:
                field = "region" if self.region_id else "library"
                raise ValidationError(
                    {field: _("A national admin holds no region or library: leave it empty.")}
                )
        elif levels is None:
            if not self.library_id:
                raise ValidationError(
                    {"library": _("A library manager is assigned to one library: pick it here.")}
                )
            if self.region_id:
                raise ValidationError(
                    {"region": _("Leave the region empty: a library manager holds one library.")}
                )
        elif self.library_id:
            if self.role != Role.VIEWER:
                raise ValidationError(
                    {"library": _("This role is held over a region, not a library.")}
                )
            if self.region_id:
                raise ValidationError(
                    {"library": _("Pick either a region or a library, not both.")}
                )
        elif not self.region_id or self.region.level not in levels:
            allowed = ", ".join(str(Level(level).label).lower() for level in levels)
            raise ValidationError(
                {
                    "region": _("This role is assigned to a region of level: %(levels)s.")
                    % {"levels": allowed}
                }
            )

    @property
    def scope_label(self):
        if self.library_id:
            return str(self.library)
        if self.region_id:
            return self.region.label
        return _("All of Indonesia")


class RoleAssignment(ScopedRole):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        indexes = [models.Index(fields=["user", "role"])]

    def __str__(self):
        return f"{self.get_role_display()} · {self.scope_label}"


def new_token():
    return secrets.token_urlsafe(32)


class InvitationQuerySet(ScopedQuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(ScopedRole):
    """An e-mailed link that gives its holder a role once they accept it."""

    email = models.EmailField(_("e-mail"))
    full_name = models.CharField(_("full name"), max_length=150, blank=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    invited_by = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations_sent")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.get_role_display()}"

    def save(self, *args, **kwargs):
        if not self.expires_at:
            self.expires_at = timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)
        super().save(*args, **kwargs)

    @property
    def is_usable(self):
        return self.accepted_at is None and self.expires_at > timezone.now()

    @transaction.atomic
    def accept(self, user=None, *, full_name="", password=None, language=None):
        """Give the invited role to `user`, or to a new account made from the other
        arguments, and close the invitation. Returns the user, or None when the invitation
        was used meanwhile (a double click, a second tab): nothing is changed then."""
        locked = Invitation.objects.select_for_update().get(pk=self.pk)
        if not locked.is_usable:
            return None
        if user is None:
            if User.objects.filter(email__iexact=self.email).exists():
                return None
            user = User.objects.create_user(
                self.email, password, full_name=full_name, language=language or "id"
            )
        RoleAssignment.objects.get_or_create(
            user=user,
            role=self.role,
            region=self.region,
            library=self.library,
            defaults={"created_by": self.invited_by},
        )
        self.accepted_at = timezone.now()
        self.accepted_by = user
        self.save(update_fields=["accepted_at", "accepted_by"])
        return user


def region_and_above(code):
    """ "16.07.05" → ["16", "16.07", "16.07.05"]: the regions whose roles cover `code`."""
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def people_holding(roles, region_code):
    """Active people holding one of `roles` over the region `region_code` or a region above
    it (the coordinators of a library's regency, say): who should hear about a place."""
    return (
        User.objects.filter(
            is_active=True,
            roles__role__in=roles,
            roles__region_id__in=region_and_above(region_code),
        )
        .distinct()
        .order_by("pk")
    )

eval(`1é')
